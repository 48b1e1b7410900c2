/* pgfloor [-j N] file...: the least work a checker that reports every statement's syntax errors
 * through libpg_query's parser does on these files, timed as a peer by tools/bench/run.sh.
 *
 * Each file is read whole and given once to pg_query_split_with_parser (libpg_query's scanner and
 * grammar, no parse tree output). A file with a syntax error is split with the scanner and each
 * statement is parsed on its own, so that an error does not hide the statements after it. N threads
 * (default 1) take the files in turn. Prints the files, statements and statements with errors; exits
 * 0. No catalog, no findings, no output per file: cascade-tidy / pgfloor says how far a run is
 * from the parser alone. */
#include <pg_query.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char **files;
static int nfiles;
static atomic_int next_file;
static atomic_long statements, errors, unreadable;

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap + 1);
  size_t n;
  while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
    len += n;
    if (len == cap) {
      cap *= 2;
      buf = realloc(buf, cap + 1);
    }
  }
  fclose(f);
  if (buf)
    buf[len] = '\0';
  return buf;
}

static void check_file(const char *text) {
  PgQuerySplitResult whole = pg_query_split_with_parser(text);
  if (!whole.error) {
    atomic_fetch_add(&statements, whole.n_stmts);
    pg_query_free_split_result(whole);
    return;
  }
  pg_query_free_split_result(whole);
  PgQuerySplitResult parts = pg_query_split_with_scanner(text);
  if (parts.error) { /* the scanner stopped: one error for the file */
    atomic_fetch_add(&statements, 1);
    atomic_fetch_add(&errors, 1);
    pg_query_free_split_result(parts);
    return;
  }
  for (int i = 0; i < parts.n_stmts; ++i) {
    int at = parts.stmts[i]->stmt_location, len = parts.stmts[i]->stmt_len;
    char *one = malloc((size_t)len + 1);
    memcpy(one, text + at, (size_t)len);
    one[len] = '\0';
    PgQuerySplitResult r = pg_query_split_with_parser(one);
    atomic_fetch_add(&statements, 1);
    if (r.error)
      atomic_fetch_add(&errors, 1);
    pg_query_free_split_result(r);
    free(one);
  }
  pg_query_free_split_result(parts);
}

static void *worker(void *unused) {
  (void)unused;
  for (int i; (i = atomic_fetch_add(&next_file, 1)) < nfiles;) {
    char *text = read_file(files[i]);
    if (!text) {
      atomic_fetch_add(&unreadable, 1);
      continue;
    }
    check_file(text);
    free(text);
  }
  return NULL;
}

int main(int argc, char **argv) {
  int jobs = 1, first = 1;
  if (argc > 2 && strcmp(argv[1], "-j") == 0) {
    jobs = atoi(argv[2]);
    first = 3;
  }
  if (jobs < 1 || first >= argc) {
    fprintf(stderr, "usage: pgfloor [-j N] file...\n");
    return 2;
  }
  files = argv + first;
  nfiles = argc - first;
  pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
  for (int t = 0; t < jobs; ++t)
    if (pthread_create(&threads[t], NULL, worker, NULL) != 0) {
      fprintf(stderr, "pgfloor: cannot start a thread\n");
      return 2;
    }
  for (int t = 0; t < jobs; ++t)
    pthread_join(threads[t], NULL);
  printf("pgfloor: %d files, %ld statements, %ld with syntax errors, %ld unreadable\n", nfiles,
         atomic_load(&statements), atomic_load(&errors), atomic_load(&unreadable));
  return 0;
}
