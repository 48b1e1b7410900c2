# The CascadeTidy package's functions; included by CascadeTidyConfig.cmake, after the imported
# targets CascadeTidy::cascade-tidy and CascadeTidy::module exist. See docs/install.md.
include_guard(GLOBAL)

# The extensions cascade-tidy reads as C/C++ by default (docs/cxx.md).
set(_CASCADE_TIDY_CXX_EXTENSIONS .c .cc .cpp .cxx .h .hh .hpp .hxx .ipp)

# The files under a PATHS directory a check depends on: what cascade-tidy's walk reads (SQL in
# any case, C/C++ sources) and the configuration files that change its findings.
function(_cascade_tidy_glob_inputs dir out)
  set(patterns "${dir}/*.[sS][qQ][lL]" "${dir}/.cascade-tidy.yaml")
  foreach(ext IN LISTS _CASCADE_TIDY_CXX_EXTENSIONS)
    list(APPEND patterns "${dir}/*${ext}")
  endforeach()
  # CONFIGURE_DEPENDS: a migration added to the directory re-runs CMake, which adds it here.
  file(GLOB_RECURSE found CONFIGURE_DEPENDS LIST_DIRECTORIES false ${patterns})
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# cascade_tidy_add_check(<name> PATHS <dir-or-file>... [TARGETS <target>...] [ROOTS <root>...]
#                        [CONFIG_FILE <file>] [WARNINGS_AS_ERRORS] [FORMAT <fmt> OUTPUT <file>]
#                        [EXTRA_ARGS <arg>...] [ALL])
#
# Adds a custom target <name> that runs cascade-tidy on the PATHS and on the C/C++ sources of the
# TARGETS (with this build's compile database), a target <name>-fix that runs it with --fix, and a
# CTest test <name> that fails while findings remain. <name> re-runs only when one of its inputs,
# the configuration or cascade-tidy itself changed (a stamp file records the last clean run).
function(cascade_tidy_add_check name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "WARNINGS_AS_ERRORS;ALL"
    "CONFIG_FILE;FORMAT;OUTPUT" "PATHS;TARGETS;ROOTS;EXTRA_ARGS")
  set(where "cascade_tidy_add_check(${name})")
  if(arg_UNPARSED_ARGUMENTS)
    list(JOIN arg_UNPARSED_ARGUMENTS " " unknown)
    message(FATAL_ERROR "${where}: unknown arguments: ${unknown}")
  endif()
  if(NOT arg_PATHS AND NOT arg_TARGETS)
    message(FATAL_ERROR "${where}: nothing to check: give PATHS, TARGETS or both")
  endif()
  foreach(t IN ITEMS "${name}" "${name}-fix")
    if(TARGET "${t}")
      message(FATAL_ERROR "${where}: a target named '${t}' already exists")
    endif()
  endforeach()
  if(DEFINED arg_OUTPUT AND NOT DEFINED arg_FORMAT)
    message(FATAL_ERROR "${where}: OUTPUT needs FORMAT")
  endif()

  set(options)
  foreach(root IN LISTS arg_ROOTS)
    list(APPEND options "--root=${root}")
  endforeach()
  set(inputs)
  if(DEFINED arg_CONFIG_FILE)
    get_filename_component(config "${arg_CONFIG_FILE}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${config}")
      message(FATAL_ERROR "${where}: CONFIG_FILE ${arg_CONFIG_FILE}: no such file")
    endif()
    list(APPEND options "--config-file=${config}")
    list(APPEND inputs "${config}")
  endif()
  if(arg_WARNINGS_AS_ERRORS)
    list(APPEND options "--warnings-as-errors=*")
  endif()
  list(APPEND options ${arg_EXTRA_ARGS})

  # The SQL (and C/C++) paths, as the caller spelled them: cascade-tidy runs in this source
  # directory, so its diagnostics name files the way the CMakeLists.txt does.
  set(paths)
  foreach(path IN LISTS arg_PATHS)
    get_filename_component(abs "${path}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(IS_DIRECTORY "${abs}")
      _cascade_tidy_glob_inputs("${abs}" found)
      list(APPEND inputs ${found})
    elseif(EXISTS "${abs}")
      list(APPEND inputs "${abs}")
    else()
      message(FATAL_ERROR "${where}: PATHS ${path}: no such file or directory")
    endif()
    list(APPEND paths "${path}")
  endforeach()

  # The C/C++ sources of the targets, checked with the compile commands this build exports.
  foreach(target IN LISTS arg_TARGETS)
    if(NOT TARGET "${target}")
      message(FATAL_ERROR "${where}: TARGETS ${target}: no such target")
    endif()
    get_target_property(type "${target}" TYPE)
    if(type STREQUAL "INTERFACE_LIBRARY")
      message(FATAL_ERROR "${where}: TARGETS ${target}: an interface library has no sources to check")
    endif()
    get_target_property(sources "${target}" SOURCES)
    get_target_property(source_dir "${target}" SOURCE_DIR)
    set_property(TARGET "${target}" PROPERTY EXPORT_COMPILE_COMMANDS ON)
    set(any FALSE)
    foreach(source IN LISTS sources)
      if(source MATCHES "\\$<") # a generator expression: not known before generation
        continue()
      endif()
      get_filename_component(ext "${source}" LAST_EXT)
      string(TOLOWER "${ext}" ext)
      if(NOT ext IN_LIST _CASCADE_TIDY_CXX_EXTENSIONS)
        continue()
      endif()
      get_filename_component(abs "${source}" ABSOLUTE BASE_DIR "${source_dir}")
      get_source_file_property(generated "${abs}" TARGET_DIRECTORY "${target}" GENERATED)
      if(generated)
        continue()
      endif()
      list(APPEND inputs "${abs}")
      # Relative to the directory cascade-tidy runs in when below it, as a PATHS entry would be.
      string(FIND "${abs}" "${CMAKE_CURRENT_SOURCE_DIR}/" at)
      if(at EQUAL 0)
        file(RELATIVE_PATH abs "${CMAKE_CURRENT_SOURCE_DIR}" "${abs}")
      endif()
      list(APPEND paths "${abs}")
      set(any TRUE)
    endforeach()
    if(NOT any)
      message(WARNING "${where}: TARGETS ${target}: no C/C++ source to check (sources added "
                      "after this call are not seen)")
    endif()
  endforeach()
  if(arg_TARGETS)
    # Written at generation; a change of compile flags changes what the AST mode sees.
    list(PREPEND options "-p" "${CMAKE_BINARY_DIR}")
    list(APPEND inputs "${CMAKE_BINARY_DIR}/compile_commands.json")
  endif()
  list(REMOVE_DUPLICATES paths)
  list(REMOVE_DUPLICATES inputs)

  set(report_options)
  set(byproducts)
  if(DEFINED arg_FORMAT)
    list(APPEND report_options "--format=${arg_FORMAT}")
  endif()
  if(DEFINED arg_OUTPUT)
    get_filename_component(output "${arg_OUTPUT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
    list(APPEND report_options "--output=${output}")
    list(APPEND byproducts "${output}")
  endif()

  get_target_property(tool CascadeTidy::cascade-tidy IMPORTED_LOCATION)
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${name}.cascade-tidy.stamp")
  # The stamp is touched only after a clean run, so a run with findings fails the build and runs
  # again next time, and a clean run is not repeated until an input changes.
  add_custom_command(OUTPUT "${stamp}"
    COMMAND "${tool}" ${options} ${report_options} ${paths}
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS ${inputs} "${tool}"
    BYPRODUCTS ${byproducts}
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    COMMENT "cascade-tidy: checking ${name}"
    VERBATIM)
  set(all)
  if(arg_ALL)
    set(all ALL)
  endif()
  add_custom_target("${name}" ${all} DEPENDS "${stamp}")
  add_custom_target("${name}-fix"
    COMMAND "${tool}" --fix ${options} ${paths}
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    COMMENT "cascade-tidy: applying the fixes of ${name}"
    USES_TERMINAL
    VERBATIM)
  # A test only exists where the project called enable_testing() (or include(CTest)).
  add_test(NAME "${name}" COMMAND "${tool}" ${options} ${paths}
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}")
endfunction()

# cascade_tidy_enable_for_target(<target> [CHECKS <globs>] [WARNINGS_AS_ERRORS]
#                                [CLANG_TIDY <executable>] [EXTRA_ARGS <arg>...])
#
# Runs clang-tidy-19 with the cascade-tidy module on every C/C++ file of <target> as it compiles
# (the target's CXX_CLANG_TIDY and C_CLANG_TIDY), so findings appear in the normal build output.
function(cascade_tidy_enable_for_target target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "WARNINGS_AS_ERRORS" "CHECKS;CLANG_TIDY" "EXTRA_ARGS")
  set(where "cascade_tidy_enable_for_target(${target})")
  if(arg_UNPARSED_ARGUMENTS)
    list(JOIN arg_UNPARSED_ARGUMENTS " " unknown)
    message(FATAL_ERROR "${where}: unknown arguments: ${unknown}")
  endif()
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "${where}: no such target")
  endif()
  if(DEFINED arg_CLANG_TIDY)
    set(clang_tidy "${arg_CLANG_TIDY}")
  else()
    # The module is built against clang-tidy 19 and loads into no other version.
    find_program(CascadeTidy_CLANG_TIDY NAMES clang-tidy-19
      DOC "clang-tidy 19, which loads the cascade-tidy module")
    if(NOT CascadeTidy_CLANG_TIDY)
      message(FATAL_ERROR "${where}: clang-tidy-19 not found: install it (Debian: apt-get install "
                          "clang-tidy-19) or pass CLANG_TIDY <path>")
    endif()
    set(clang_tidy "${CascadeTidy_CLANG_TIDY}")
  endif()
  set(checks "-*,cascade-*")
  if(DEFINED arg_CHECKS)
    set(checks "${arg_CHECKS}")
  endif()
  get_target_property(module CascadeTidy::module IMPORTED_LOCATION)
  set(command "${clang_tidy}" "-load=${module}" "-checks=${checks}")
  if(arg_WARNINGS_AS_ERRORS)
    list(APPEND command "-warnings-as-errors=cascade-*")
  endif()
  list(APPEND command ${arg_EXTRA_ARGS})
  set_target_properties("${target}" PROPERTIES CXX_CLANG_TIDY "${command}" C_CLANG_TIDY "${command}")
endfunction()
