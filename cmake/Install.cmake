# Install rules (SPEC section 7): the tool, libyieldc, the public headers, a
# CMake package (find_package(yieldc): yieldc::runtime, yieldc::yieldc and
# yieldc_translate()) and a pkg-config file.  The layout is fixed -
# bin/yieldc, libexec/yieldc-translator, lib/libyieldc.a, include/yieldc.h
# - because the installed tool finds the headers at <exe dir>/../include,
# the library at <exe dir>/../lib and the front the translator at
# <exe dir>/../libexec (tool/paths.c).
include(CMakePackageConfigHelpers)

set(YIELDC_INSTALL_CMAKEDIR lib/cmake/yieldc)

# A sanitized libyieldc needs its users to link the sanitizer runtimes too;
# the installed package says so (the build tree already links them).
if(YIELDC_SAN_FLAGS)
  string(REPLACE "," "$<COMMA>" _yc_san "${YIELDC_SAN_FLAGS}")
  target_link_options(yieldc_runtime INTERFACE "$<INSTALL_INTERFACE:${_yc_san}>")
  string(REPLACE ";" " " YIELDC_PC_EXTRA_LIBS " ${YIELDC_SAN_FLAGS}")
else()
  set(YIELDC_PC_EXTRA_LIBS "")
endif()

set_target_properties(yieldc_runtime PROPERTIES EXPORT_NAME runtime)
# yieldc::yieldc is bin/yieldc, the front; it runs the translator proper.
set_target_properties(yieldc_front PROPERTIES EXPORT_NAME yieldc)
set_target_properties(yieldc PROPERTIES INSTALL_RPATH_USE_LINK_PATH TRUE)
# The same names inside this build, for projects that add_subdirectory() it.
add_library(yieldc::runtime ALIAS yieldc_runtime)
add_executable(yieldc::yieldc ALIAS yieldc)

install(TARGETS yieldc_front yieldc_runtime EXPORT yieldcTargets
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
