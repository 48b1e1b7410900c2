# How each final target gets LLVM and clang (docs/benchmarks.md#static-link).
#
# cascadeChecker and cascadeCxxFrontEnd carry LLVM's and clang's include directories and
# definitions but link neither: each executable or module chooses with
#   cascade_link_llvm(<target> [CLANG] [SHARED])
# - SHARED, CASCADE_STATIC_LLVM off, or a sanitized build (below): libLLVM.so (and
#   libclang-cpp.so with CLANG), as before. The clang-tidy module must stay on these: it is
#   loaded into clang-tidy-19, which already has them, and a second copy of LLVM's and clang's
#   globals inside it breaks the process.
# - otherwise: Debian's static archives (llvm-19-dev, libclang-19-dev) linked into the
#   executable, which then starts without mapping and relocating the two shared libraries (about
#   25 ms and 55 MB of every run, most of what one SQL file cost).
#
# Debian's imported clang* targets (ClangTargets.cmake) name the LLVM dylib as their interface
# (LLVM_LINK_LLVM_DYLIB=ON), so the clang archives are linked by path; the LLVM component
# archives come from LLVM's own imported static targets (LLVMExports.cmake), which carry their
# dependencies on each other.

option(CASCADE_STATIC_LLVM
  "Link cascade-tidy and cascade-migrate with the static LLVM and clang archives (faster start)" ON)

# The clang libraries the C/C++ front end uses, and the LLVM components those list as their link
# components in clang 19 (the rest follow from the LLVM targets' own dependencies).
set(CASCADE_STATIC_CLANG_LIBS
  clangTooling clangToolingCore clangFrontend clangDriver clangParse clangSema clangSerialization
  clangAnalysis clangASTMatchers clangAST clangEdit clangLex clangBasic clangRewrite
  clangAPINotes clangSupport)
set(CASCADE_STATIC_CLANG_LLVM_COMPONENTS
  Support TargetParser FrontendOpenMP FrontendHLSL BinaryFormat Core Demangle MC MCParser
  BitReader BitstreamReader Object Option ProfileData WindowsDriver)

# CASCADE_LINK_LLVM_STATICALLY is what the build does: the option, unless the archives are
# missing or the build is sanitized. A sanitized build keeps the shared libraries: LLVM's
# headers compile BumpPtrAllocator's inline functions with ASan poisoning when the includer is
# instrumented, and in one static link the linker keeps one copy of each inline function, so
# instrumented and uninstrumented halves of the allocator meet (measured: a use-after-poison
# report in StringSaver::save under clang::tooling::inferMissingCompileCommands). libLLVM.so
# binds its own calls internally and never sees our instrumented copies.
set(CASCADE_LINK_LLVM_STATICALLY ${CASCADE_STATIC_LLVM})
if(CASCADE_LINK_LLVM_STATICALLY AND CASCADE_SANITIZE)
  message(STATUS "CASCADE_SANITIZE: the tools link the shared libLLVM and libclang-cpp "
    "(uninstrumented static archives would mix with our instrumented inline LLVM code)")
  set(CASCADE_LINK_LLVM_STATICALLY OFF)
endif()

if(CASCADE_LINK_LLVM_STATICALLY)
  set(cascade_static_missing)
  set(CASCADE_STATIC_CLANG_ARCHIVES)
  foreach(lib ${CASCADE_STATIC_CLANG_LIBS})
    set(archive "${LLVM_LIBRARY_DIR}/lib${lib}.a")
    if(EXISTS "${archive}")
      list(APPEND CASCADE_STATIC_CLANG_ARCHIVES "${archive}")
    else()
      list(APPEND cascade_static_missing "${archive}")
    endif()
  endforeach()
  llvm_map_components_to_libnames(CASCADE_STATIC_LLVM_LIBS ${CASCADE_STATIC_CLANG_LLVM_COMPONENTS})
  foreach(lib ${CASCADE_STATIC_LLVM_LIBS})
    if(NOT TARGET ${lib})
      list(APPEND cascade_static_missing "${lib} (no imported target)")
      continue()
    endif()
    get_target_property(type ${lib} TYPE)
    # Debian exports one configuration (RelWithDebInfo); take whichever the export names.
    get_target_property(configs ${lib} IMPORTED_CONFIGURATIONS)
    set(location "")
    foreach(config ${configs})
      string(TOUPPER "${config}" config)
      get_target_property(location ${lib} IMPORTED_LOCATION_${config})
      if(location)
        break()
      endif()
    endforeach()
    if(NOT type STREQUAL "STATIC_LIBRARY" OR NOT location OR NOT EXISTS "${location}")
      list(APPEND cascade_static_missing "${lib} (${location})")
    endif()
  endforeach()
  # LLVMSupport's interface names zstd::libzstd_shared, which LLVMConfig defines only when the
  # zstd development files are installed; the runtime library is enough to link against.
  if(NOT TARGET zstd::libzstd_shared)
    find_library(CASCADE_ZSTD_LIBRARY NAMES zstd libzstd.so.1)
    if(CASCADE_ZSTD_LIBRARY)
      add_library(zstd::libzstd_shared SHARED IMPORTED)
      set_target_properties(zstd::libzstd_shared PROPERTIES IMPORTED_LOCATION "${CASCADE_ZSTD_LIBRARY}")
    else()
      list(APPEND cascade_static_missing "libzstd (LLVMSupport needs it)")
    endif()
  endif()
  if(NOT TARGET ZLIB::ZLIB)
    list(APPEND cascade_static_missing "zlib (LLVMSupport needs it)")
  endif()
  if(cascade_static_missing)
    list(JOIN cascade_static_missing "\n  " cascade_static_missing_text)
    message(WARNING "CASCADE_STATIC_LLVM: these static LLVM/clang archives or libraries are "
      "missing (packages llvm-19-dev, libclang-19-dev):\n  ${cascade_static_missing_text}\n"
      "linking the tools with the shared libLLVM and libclang-cpp instead (slower start-up)")
    set(CASCADE_LINK_LLVM_STATICALLY OFF)
  endif()
endif()

if(CASCADE_LINK_LLVM_STATICALLY)
  # Flags of the executables that link the archives, each measured (docs/benchmarks.md):
  # --as-needed drops the shared libraries the LLVM targets name but the pulled-in members never
  # call (libz3, libxml2); a non-PIE executable has no relative relocations to apply at start
  # (RSS of --version 18 -> 11 MB); --gc-sections drops the unreferenced functions and data of the
  # archives (LLVM builds them with -ffunction-sections -fdata-sections). ld.lld, when there is
  # one, links in about a fifth of ld.bfd's time.
  set(CASCADE_STATIC_LINK_OPTIONS -no-pie LINKER:--as-needed LINKER:--gc-sections)
  include(CheckLinkerFlag)
  option(CASCADE_USE_LLD "Link the statically linked tools with ld.lld when it works" ON)
  if(CASCADE_USE_LLD)
    check_linker_flag(CXX -fuse-ld=lld CASCADE_HAVE_LLD)
    if(CASCADE_HAVE_LLD)
      list(APPEND CASCADE_STATIC_LINK_OPTIONS -fuse-ld=lld)
    endif()
  endif()
  message(STATUS "cascade-tidy and cascade-migrate link LLVM and clang statically "
    "(CASCADE_STATIC_LLVM; options: ${CASCADE_STATIC_LINK_OPTIONS})")
else()
  message(STATUS "cascade-tidy and cascade-migrate link the shared libLLVM and libclang-cpp")
endif()

function(cascade_link_llvm target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "CLANG;SHARED" "" "")
  if(arg_SHARED OR NOT CASCADE_LINK_LLVM_STATICALLY)
    if(arg_CLANG)
      target_link_libraries(${target} PRIVATE clang-cpp)
    endif()
    target_link_libraries(${target} PRIVATE LLVM)
    return()
  endif()
  get_target_property(type ${target} TYPE)
  if(NOT type STREQUAL "EXECUTABLE")
    message(FATAL_ERROR "cascade_link_llvm(${target}): only executables link LLVM statically")
  endif()
  if(arg_CLANG)
    # The clang archives refer to each other in cycles: one group, searched until nothing new
    # is pulled in; the LLVM archives they need come after it.
    list(JOIN CASCADE_STATIC_CLANG_ARCHIVES "," archives)
    target_link_libraries(${target} PRIVATE "$<LINK_GROUP:RESCAN,${archives}>"
      ${CASCADE_STATIC_LLVM_LIBS})
  else()
    target_link_libraries(${target} PRIVATE LLVMSupport)
  endif()
  target_link_options(${target} PRIVATE ${CASCADE_STATIC_LINK_OPTIONS})
endfunction()
