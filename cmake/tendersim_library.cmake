# tendersim_library(NAME SOURCES...): the static library tendersim_NAME of sim/, with the alias
# tendersim::NAME that targets in this tree link, exported (cmake/install.cmake) under the same
# name, so a project that uses the installed package and one that adds this tree with
# add_subdirectory write the same tendersim::core, tendersim::io, ...
#
# Every library carries what a consumer needs to compile against it: C++20 (a PUBLIC feature, not
# only this tree's CMAKE_CXX_STANDARD) and the include root. Headers include each other as
# "core/x.hpp", "io/y.hpp", so the root is sim/ in the build tree and include/tendersim once
# installed. The warning flags stay this tree's own: BUILD_INTERFACE keeps them out of the export.
function(tendersim_library name)
  add_library(tendersim_${name} STATIC ${ARGN})
  add_library(tendersim::${name} ALIAS tendersim_${name})
  set_target_properties(tendersim_${name} PROPERTIES EXPORT_NAME ${name})
  target_compile_features(tendersim_${name} PUBLIC cxx_std_20)
  target_include_directories(tendersim_${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/sim>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/tendersim>)
  target_link_libraries(tendersim_${name} PRIVATE $<BUILD_INTERFACE:tendersim::warnings>)
  set_property(GLOBAL APPEND PROPERTY TENDERSIM_EXPORTED_LIBRARIES tendersim_${name})
endfunction()
