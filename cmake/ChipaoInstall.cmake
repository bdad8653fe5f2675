# What `cmake --install` and `cpack` put where. The layout is relative to the prefix, and the app
# finds its demo layers by walking up from its own executable (src/app/demo_layers.cpp): from
# PREFIX/bin it reaches PREFIX/share/chipao/layers, whose descriptors name their shapefiles and
# tables as ../data/demo/..., i.e. PREFIX/share/chipao/data/demo. Shaders are compiled into the
# binaries and fonts come from the system, so nothing else is needed at run time.
include(GNUInstallDirs)

set(CHIPAO_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging/linux)
set(CHIPAO_INSTALL_SHARE ${CMAKE_INSTALL_DATADIR}/chipao)

install(TARGETS chipao-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/layers DESTINATION ${CHIPAO_INSTALL_SHARE})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/demo DESTINATION ${CHIPAO_INSTALL_SHARE}/data)

if(NOT CHIPAO_BUILD_APP)
  return()
endif()

install(TARGETS chipao RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(PROGRAMS ${CHIPAO_PACKAGING_DIR}/chipao-open
        DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/chipao)
# The desktop entry's Exec needs the launcher's absolute path, which is known only when
# installing (cpack installs under /usr, a plain `cmake --install` under its --prefix), so the
# entry is written then and installed right after.
install(CODE "
  set(CHIPAO_LAUNCHER \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBEXECDIR}/chipao/chipao-open\")
  configure_file(\"${CHIPAO_PACKAGING_DIR}/chipao.desktop.in\"
                 \"${CMAKE_CURRENT_BINARY_DIR}/packaging/chipao.desktop\" @ONLY)
")
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/chipao.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CHIPAO_PACKAGING_DIR}/chipao.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
# shared-mime-info and desktop-file-utils rebuild their caches through dpkg triggers on these
# folders, so the package needs no maintainer scripts.
install(FILES ${CHIPAO_PACKAGING_DIR}/chipao-mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME chipao.xml)
