# `cpack -G DEB` in the build folder makes chipao_VERSION-1_ARCH.deb for Debian 12, installed
# with `apt install ./chipao_*.deb`. The version is the project's (CMakeLists.txt).
set(CPACK_PACKAGE_NAME chipao)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "ChiPao maintainers")
set(CPACK_PACKAGE_CONTACT
    "ChiPao maintainers <maintainers@users.noreply.h-seed-c81b7bbd.example>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "poverty planning map for Thai districts and provinces")
set(CPACK_PACKAGE_DESCRIPTION
    "ChiPao (ชี้เป้า, point at the target) is a desktop GIS with which Thai district and
provincial planners find poor households on a map and build intervention plans.
It reads the boundary files planners have (shapefiles in TIS-620 or UTF-8, on WGS 84,
UTM 47N/48N or Indian 1975), understands Thai administrative codes, joins TPMAP
poverty tables and household registries to them, and keeps a planner's zones,
interventions and budget in one project file (.chipao).
This package holds the desktop app (chipao), the command line (chipao-cli) and a
fictional demo province.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Binaries are built RelWithDebInfo; the package carries them without debug info.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps derives the library packages from the binaries' DT_NEEDED entries.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What the binaries need but do not link: the Thai font for the interface and map labels
# (src/app/ui_font.cpp, src/render/text/font_set.h) and Mesa's drivers, without which EGL and
# GLX find no renderer (llvmpipe where there is no GPU; chipao-cli render uses EGL alone).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-tlwg-loma-ttf, libgl1-mesa-dri, libegl-mesa0")
# Garuda is the interface's fallback font; the icon theme and MIME database make the menu entry
# and .chipao files show up in a desktop session.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-tlwg-garuda-ttf, hicolor-icon-theme, shared-mime-info")

include(CPack)
