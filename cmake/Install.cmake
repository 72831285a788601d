# Install rules (SPEC section 7): the tool, libyieldc (.a, and .so with
# BUILD_SHARED_LIBS), the public headers, a CMake package
# (find_package(yieldc): yieldc::runtime, yieldc::runtime_static,
# yieldc::runtime_shared when built, yieldc::yieldc and yieldc_translate())
# and a pkg-config file.  The layout is fixed -
# bin/yieldc, libexec/yieldc-translator, lib/libyieldc.a, include/yieldc.h
# - because the installed tool finds the headers at <exe dir>/../include,
# the library at <exe dir>/../lib and the front the translator at
# <exe dir>/../libexec (tool/paths.c).
include(CMakePackageConfigHelpers)

set(YIELDC_INSTALL_CMAKEDIR lib/cmake/yieldc)

# The runtime's targets: yieldc_runtime_static (libyieldc.a, always) and,
# with BUILD_SHARED_LIBS, yieldc_runtime (libyieldc.so).  They are exported
# as yieldc::runtime_static and yieldc::runtime_shared; yieldc::runtime is
# made by yieldcConfig.cmake (the shared one if installed, unless the
# project sets yieldc_USE_STATIC_RUNTIME).
if(BUILD_SHARED_LIBS)
  set(_yc_runtimes yieldc_runtime yieldc_runtime_static)
  set_target_properties(yieldc_runtime PROPERTIES EXPORT_NAME runtime_shared)
  set_target_properties(yieldc_runtime_static PROPERTIES EXPORT_NAME runtime_static)
  set(YIELDC_SHARED_RUNTIME ON)
else()
  set(_yc_runtimes yieldc_runtime)
  set_target_properties(yieldc_runtime PROPERTIES EXPORT_NAME runtime_static)
  set(YIELDC_SHARED_RUNTIME OFF)
endif()

# A sanitized libyieldc needs its users to link the sanitizer runtimes too;
# the installed package says so (the build tree already links them).
if(YIELDC_SAN_FLAGS)
  string(REPLACE "," "$<COMMA>" _yc_san "${YIELDC_SAN_FLAGS}")
  foreach(_t IN LISTS _yc_runtimes)
    target_link_options(${_t} INTERFACE "$<INSTALL_INTERFACE:${_yc_san}>")
  endforeach()
  string(REPLACE ";" " " YIELDC_PC_EXTRA_LIBS " ${YIELDC_SAN_FLAGS}")
else()
  set(YIELDC_PC_EXTRA_LIBS "")
endif()

# yieldc::yieldc is bin/yieldc, the front; it runs the translator proper.
set_target_properties(yieldc_front PROPERTIES EXPORT_NAME yieldc)
set_target_properties(yieldc PROPERTIES INSTALL_RPATH_USE_LINK_PATH TRUE)
# The same names inside this build, for projects that add_subdirectory() it.
add_library(yieldc::runtime ALIAS yieldc_runtime)
if(BUILD_SHARED_LIBS)
  add_library(yieldc::runtime_shared ALIAS yieldc_runtime)
  add_library(yieldc::runtime_static ALIAS yieldc_runtime_static)
else()
  add_library(yieldc::runtime_static ALIAS yieldc_runtime)
endif()
add_executable(yieldc::yieldc ALIAS yieldc)

install(TARGETS yieldc_front ${_yc_runtimes} EXPORT yieldcTargets
  RUNTIME DESTINATION bin
  ARCHIVE DESTINATION lib
  LIBRARY DESTINATION lib)
# The translator proper, which bin/yieldc (tool/front.c) runs.
install(TARGETS yieldc RUNTIME DESTINATION libexec)
# Public headers only: runtime/*.h are private to libyieldc.
install(FILES ${PROJECT_SOURCE_DIR}/include/yieldc.h DESTINATION include)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/yieldc DESTINATION include
  FILES_MATCHING PATTERN "*.h")
install(EXPORT yieldcTargets NAMESPACE yieldc:: DESTINATION ${YIELDC_INSTALL_CMAKEDIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/yieldcConfig.cmake.in
  ${PROJECT_BINARY_DIR}/yieldcConfig.cmake
  INSTALL_DESTINATION ${YIELDC_INSTALL_CMAKEDIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/yieldcConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/yieldcConfig.cmake
              ${PROJECT_BINARY_DIR}/yieldcConfigVersion.cmake
  DESTINATION ${YIELDC_INSTALL_CMAKEDIR})

configure_file(${PROJECT_SOURCE_DIR}/cmake/yieldc.pc.in ${PROJECT_BINARY_DIR}/yieldc.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/yieldc.pc DESTINATION lib/pkgconfig)

# gdb helper: `print i` for a lifted local inside a coroutine body.
install(FILES ${PROJECT_SOURCE_DIR}/cmake/yieldc-gdb.py DESTINATION share/yieldc)

# The manual page: `man yieldc` after installing to a prefix man searches.
install(FILES ${PROJECT_SOURCE_DIR}/docs/yieldc.1 DESTINATION share/man/man1)
