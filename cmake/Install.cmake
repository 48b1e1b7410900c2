# `cmake --install <build> --prefix P`: the two tools, the clang-tidy module, the docs and the
# CascadeTidy CMake package (plugins/cmake), all relative to P so the prefix can be moved.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Where the module and the package go, relative to the prefix. The module is private to
# cascade-tidy (only clang-tidy-19 -load opens it), so it sits in a directory of its own.
set(CASCADE_INSTALL_MODULEDIR "${CMAKE_INSTALL_LIBDIR}/cascade-tidy")
set(CASCADE_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/CascadeTidy")

# The tools link libLLVM and libclang-cpp, whose SONAME links Debian puts in the default
# search path (/usr/lib/<triple>); the build-tree RPATH to /usr/lib/llvm-19/lib is not needed
# once installed and would only pin the tools to that directory, so the installed files get
# none (CMake's default: INSTALL_RPATH empty).
install(TARGETS cascade-tidy cascade-migrate
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT tools)
install(TARGETS CascadeTidyModule
  LIBRARY DESTINATION "${CASCADE_INSTALL_MODULEDIR}" COMPONENT tools)

install(FILES README.md DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT tools)
install(DIRECTORY docs/ DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT tools
  FILES_MATCHING PATTERN "*.md")

# Generated out of find_package's way: a build tree whose bin/ is on PATH is one of its search
# prefixes, and these files only hold once installed.
set(CASCADE_PACKAGE_STAGING "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/CascadeTidyPackage")
configure_package_config_file(plugins/cmake/CascadeTidyConfig.cmake.in
  "${CASCADE_PACKAGE_STAGING}/CascadeTidyConfig.cmake"
  INSTALL_DESTINATION "${CASCADE_INSTALL_CMAKEDIR}"
  PATH_VARS CMAKE_INSTALL_BINDIR CASCADE_INSTALL_MODULEDIR)
# Same major version = compatible: 0.x releases may still change the functions' arguments,
# which SameMajorVersion does not protect against, so 0.x asks for the same minor as well.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(CASCADE_COMPATIBILITY SameMinorVersion)
else()
  set(CASCADE_COMPATIBILITY SameMajorVersion)
endif()
write_basic_package_version_file("${CASCADE_PACKAGE_STAGING}/CascadeTidyConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY ${CASCADE_COMPATIBILITY})
install(FILES
  "${CASCADE_PACKAGE_STAGING}/CascadeTidyConfig.cmake"
  "${CASCADE_PACKAGE_STAGING}/CascadeTidyConfigVersion.cmake"
  plugins/cmake/CascadeTidyFunctions.cmake
  DESTINATION "${CASCADE_INSTALL_CMAKEDIR}" COMPONENT tools)
