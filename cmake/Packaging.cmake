# CPack: a Debian package (cpack -G DEB in a build directory). Library dependencies are
# worked out by dpkg-shlibdeps (package dpkg-dev) from the binary itself.
set(CPACK_PACKAGE_NAME stepwise)
set(CPACK_PACKAGE_VENDOR "The Stepwise authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "see how neurons network to learn")
set(CPACK_PACKAGE_CONTACT "Stepwise maintainers <stepwise@users.noreply.github.com>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/stepwise/stepwise")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_INSTALL_DIRECTORY stepwise)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # stepwise_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CPACK_PACKAGE_CONTACT})
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${CPACK_PACKAGE_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt loads plugins at run time, which dpkg-shlibdeps cannot see; on Debian 12 the X11 platform
# plugin ships in libqt6gui6 and the SVG image and icon plugins in libqt6svg6, both found from
# the binary. Recommended: native Wayland, GTK desktop integration, Qt's own translations.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-gtk-platformtheme, qt6-translations-l10n")
# The long description; CPack takes the synopsis line from CPACK_PACKAGE_DESCRIPTION_SUMMARY.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Stepwise shows, by dragging and drawing, how a small network of neurons can\n\
learn almost any curve. Each neuron is drawn as the graph of the function it\n\
computes; move a weight or a bias and watch its step slide or flip, and see\n\
the network's output as the sum of its neurons' steps. Draw a target and watch\n\
backpropagation fit it. Made for classrooms, with a presentation mode for\n\
projectors, and a command line that trains scenario files without a display.")

include(CPack)
