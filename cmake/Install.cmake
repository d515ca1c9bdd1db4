# Installation: headers, the library, the CLI, the default rules, a CMake package
# (find_package(clausescan) -> clausescan::clausescan) and clausescan.pc for pkg-config.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS clausescan EXPORT clausescanTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/include/clausescan
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS clausescan_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The rules are embedded in the library; this copy is a starting point for --rules DIR.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/clausescan/rules)

set(CLAUSESCAN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/clausescan)
install(EXPORT clausescanTargets NAMESPACE clausescan:: DESTINATION ${CLAUSESCAN_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/clausescanConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/clausescanConfig.cmake
                              INSTALL_DESTINATION ${CLAUSESCAN_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/clausescanConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/clausescanConfig.cmake
              ${PROJECT_BINARY_DIR}/clausescanConfigVersion.cmake
        DESTINATION ${CLAUSESCAN_CMAKE_DIR})

# pkg-config: a static library needs its dependencies on every link (Requires); a shared one
# only for static links of the consumer (Requires.private).
list(JOIN CLAUSESCAN_PKGCONFIG_REQUIRES " " CLAUSESCAN_PC_DEPS)
if(BUILD_SHARED_LIBS)
  set(CLAUSESCAN_PC_REQUIRES "")
  set(CLAUSESCAN_PC_REQUIRES_PRIVATE "${CLAUSESCAN_PC_DEPS}")
else()
  set(CLAUSESCAN_PC_REQUIRES "${CLAUSESCAN_PC_DEPS}")
  set(CLAUSESCAN_PC_REQUIRES_PRIVATE "")
endif()
# Relocatable: the prefix is found from the .pc file's own place, so --prefix at install works.
file(RELATIVE_PATH CLAUSESCAN_PC_TO_PREFIX /root/${CMAKE_INSTALL_LIBDIR}/pkgconfig /root)
configure_file(${PROJECT_SOURCE_DIR}/cmake/clausescan.pc.in
               ${PROJECT_BINARY_DIR}/for-install/clausescan.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/for-install/clausescan.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
# The build tree's own clausescan.pc names the paths of this build (the installed one would
# resolve its prefix to folders above the build folder).
configure_file(${PROJECT_SOURCE_DIR}/cmake/clausescan-build.pc.in
               ${PROJECT_BINARY_DIR}/clausescan-build.pc.in @ONLY)
file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/clausescan.pc
     INPUT ${PROJECT_BINARY_DIR}/clausescan-build.pc.in)
