# What `cmake --install` puts where (GNUInstallDirs; README.md, "Install"):
#   bin/                          tendersim, and tendersim-viz and tendersim-chart when built
#   lib/                          the static libraries (tendersim::core, tendersim::io, ...)
#   lib/cmake/tendersim/          the package: find_package(tendersim CONFIG)
#   include/tendersim/            the headers, as sim/ lays them out, the generated io/version.hpp,
#                                 toml++ (io's headers include it) and tendersim.hpp (the API)
#   share/tendersim/              scenarios/ and validation/: the data the programs look up at run
#                                 time beside the executable (sim/io/data_dir.hpp)
#   share/doc/tendersim/          README.md, docs/ and the third-party licences
include(CMakePackageConfigHelpers)

set(TENDERSIM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/tendersim)

install(TARGETS tendersim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TENDERSIM_BUILD_VIZ)
  install(TARGETS tendersim-viz tendersim-chart RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

get_property(TENDERSIM_EXPORTED_LIBRARIES GLOBAL PROPERTY TENDERSIM_EXPORTED_LIBRARIES)
install(TARGETS ${TENDERSIM_EXPORTED_LIBRARIES} tendersim_toml
        EXPORT tendersimTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT tendersimTargets NAMESPACE tendersim:: DESTINATION ${TENDERSIM_CMAKE_DIR})

# Every header of the libraries (they include one another, so the API header alone would not
# compile); the CLI's own headers are not part of them.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/sim/
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/tendersim
        FILES_MATCHING PATTERN "*.hpp"
        PATTERN cli EXCLUDE)
install(FILES ${PROJECT_BINARY_DIR}/sim/generated/io/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/tendersim/io)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/third_party/tomlplusplus/include/toml++
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/tendersim)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios ${PROJECT_SOURCE_DIR}/validation
        DESTINATION ${CMAKE_INSTALL_DATADIR}/tendersim)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Each vendored component's licence, under its own directory name.
file(GLOB_RECURSE TENDERSIM_LICENCES RELATIVE ${PROJECT_SOURCE_DIR}
     ${PROJECT_SOURCE_DIR}/third_party/LICENSE ${PROJECT_SOURCE_DIR}/third_party/debian-copyright)
foreach(licence IN LISTS TENDERSIM_LICENCES)
  get_filename_component(dir ${licence} DIRECTORY)
  install(FILES ${PROJECT_SOURCE_DIR}/${licence} DESTINATION ${CMAKE_INSTALL_DOCDIR}/${dir})
endforeach()

# The package's dependencies are those of the exported targets' usage requirements (and the
# static libraries' own links: ZLIB, MPI when found).
get_property(TENDERSIM_HAVE_MPI GLOBAL PROPERTY TENDERSIM_HAVE_MPI)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/tendersimConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/tendersimConfig.cmake
                              INSTALL_DESTINATION ${TENDERSIM_CMAKE_DIR})
# 0.x: a minor version may break the API, so only the same minor version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/tendersimConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/tendersimConfig.cmake
              ${PROJECT_BINARY_DIR}/tendersimConfigVersion.cmake
        DESTINATION ${TENDERSIM_CMAKE_DIR})
