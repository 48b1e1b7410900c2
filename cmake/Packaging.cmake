# `cpack -G DEB` (run in the build tree): a Debian package of what cmake/Install.cmake installs,
# under /usr. Its Depends line comes from dpkg-shlibdeps (package dpkg-dev), which maps every
# shared library the tools and the module link (libLLVM, libclang-cpp, libpg_query, libprotobuf-c,
# libpq, libstdc++, libc) to the package that ships it, with the minimum version its symbols need.
# test/package/deb.test checks the result against what ldd and dpkg -S say.
set(CPACK_PACKAGE_NAME "cascade-tidy")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "cascade-tidy")
set(CPACK_PACKAGE_CONTACT "cascade-tidy maintainers <cascade-tidy@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "finds and fixes foreign keys that block deleting a user")
set(CPACK_PACKAGE_DESCRIPTION
  "cascade-tidy checks SQL migrations and SQL in C/C++ string literals for foreign keys that\n\
make deleting a root row (a user) fail, and fixes them. The package holds cascade-tidy,\n\
cascade-migrate, the clang-tidy-19 module and the CascadeTidy CMake package.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # cascade-tidy_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The module is loaded by clang-tidy-19; the CMake functions and the PostgreSQL tests use the rest.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-19")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cmake, ninja-build")

set(CPACK_GENERATOR "DEB")
# No source package: the tree is under git.
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
