# lit configuration for cascade-tidy's suites.
import os
import shutil
import subprocess

import lit.formats

config.name = "cascade-tidy"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".sql", ".test", ".cpp"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cascade_obj_root, "test")

# Our tools first, then LLVM's (FileCheck, not, count, split-file).
config.environment["PATH"] = os.pathsep.join(
    [config.cascade_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])
config.environment["LC_ALL"] = "C"

config.substitutions.append(("%cascade-tidy", os.path.join(config.cascade_tools_dir, "cascade-tidy")))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%cascade-module", os.path.join(config.cascade_lib_dir, "CascadeTidyModule.so")))
config.substitutions.append(("%cascade-migrate", os.path.join(config.cascade_tools_dir, "cascade-migrate")))
config.substitutions.append(("%srcroot", config.cascade_src_root))
config.substitutions.append(("%utils", os.path.join(config.cascade_src_root, "test", "utils")))
config.substitutions.append(("%llvmbin", config.llvm_tools_dir))

# Findings must be exact: any warning or error not named by a CHECK fails the test.
config.substitutions.append(("%check-diags", "FileCheck --implicit-check-not='{{warning|error}}:'"))

if os.geteuid() == 0:
    config.available_features.add("root")
if os.path.exists("/usr/lib/postgresql/15/bin/initdb"):
    config.available_features.add("postgres")
