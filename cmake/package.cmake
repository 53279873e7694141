# CPack: `cd build && cpack -G DEB` packs what `cmake --install` installs (cmake/install.cmake)
# under /usr as tendersim_<version>_<arch>.deb. Its Depends come from dpkg-shlibdeps on the
# binaries (libtbb12, zlib1g, libsfml-*2.5 with the app, libopenmpi3 when MPI was found, ...) when
# it is installed (Debian's dpkg-dev), else from the list below.
set(TENDERSIM_PACKAGE_CONTACT "tendersim maintainers" CACHE STRING
    "Maintainer field of the .deb (Name <email>)")
set(CPACK_PACKAGE_NAME tendersim)
set(CPACK_PACKAGE_VENDOR tendersim)
set(CPACK_PACKAGE_CONTACT "${TENDERSIM_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Councils, SMEs and large suppliers bid for contracts year after year; the simulator shows "
    "what procurement rules do to prices, competition, SME share and social value. The tendersim "
    "command runs scenarios, comparisons, sweeps and validation; tendersim-viz is the live "
    "workshop app. Also the static libraries, headers and CMake package "
    "(find_package(tendersim)) for building against the engine.")
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
find_program(TENDERSIM_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(TENDERSIM_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(TENDERSIM_DEB_DEPENDS "")
else()
  # Debian 12's names for what the binaries link (dpkg-shlibdeps would find them).
  set(TENDERSIM_DEB_DEPENDS "libc6, libstdc++6, libtbb12, zlib1g")
  if(TENDERSIM_BUILD_VIZ)
    string(APPEND TENDERSIM_DEB_DEPENDS ", libsfml-graphics2.5, libsfml-window2.5, libsfml-system2.5, libx11-6")
  endif()
  get_property(have_mpi GLOBAL PROPERTY TENDERSIM_HAVE_MPI)
  if(have_mpi)
    string(APPEND TENDERSIM_DEB_DEPENDS ", libopenmpi3")
  endif()
endif()
# The app and the charts draw with DejaVu Sans from its Debian path (viz/chart/font.hpp): a
# package dependency that no shared library reveals.
if(TENDERSIM_BUILD_VIZ)
  if(TENDERSIM_DEB_DEPENDS STREQUAL "")
    set(TENDERSIM_DEB_DEPENDS "fonts-dejavu-core")
  else()
    string(APPEND TENDERSIM_DEB_DEPENDS ", fonts-dejavu-core")
  endif()
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${TENDERSIM_DEB_DEPENDS}")
# The Python package (python/, in usr/lib/python3/dist-packages) runs on Debian's python3 with
# pandas; the command line does not need them.
if(TENDERSIM_BUILD_PYTHON)
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3, python3-pandas")
endif()
# Building against the installed package (find_package(tendersim)) needs the dependencies'
# headers and CMake files too.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
    "libtbb-dev, libboost-graph-dev, nlohmann-json3-dev, zlib1g-dev, cmake, g++")

include(CPack)
