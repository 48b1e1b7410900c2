/* peak-rss OUT command [args...]: runs the command and writes its peak resident set size in KiB
 * (ru_maxrss from wait4, the command and the children it waited for) to the file OUT; exits with
 * the command's status. tools/bench/pair.py measures RSS through it because a child that Python
 * forks inherits the Python process's own peak (Linux keeps the larger ru_maxrss across fork and
 * exec), which would hide anything smaller than the benchmark driver. */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: peak-rss OUT command [args...]\n");
    return 2;
  }
  pid_t pid = fork();
  if (pid < 0) {
    perror("peak-rss: fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    perror("peak-rss: exec");
    _exit(127);
  }
  int status = 0;
  struct rusage usage;
  if (wait4(pid, &status, 0, &usage) < 0) {
    perror("peak-rss: wait4");
    return 2;
  }
  FILE *out = fopen(argv[1], "w");
  if (!out) {
    perror("peak-rss: cannot write the result file");
    return 2;
  }
  fprintf(out, "%ld\n", usage.ru_maxrss);
  fclose(out);
  if (WIFEXITED(status))
    return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}
