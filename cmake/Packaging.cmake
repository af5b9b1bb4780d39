# Installation layout (GNUInstallDirs) and the .deb (cpack -G DEB).
set(CGS_DATA_DIR ${CMAKE_INSTALL_DATADIR}/cyclegan-studio)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/demo/monet2photo
                  ${PROJECT_SOURCE_DIR}/resources/demo/model
        DESTINATION ${CGS_DATA_DIR}/demo)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/cyclegan.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/completion/cyclegan.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME cyclegan)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
if(NOT CGS_ENGINE_ONLY AND CGS_BUILD_GUI)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/cyclegan-studio.1
            DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/cyclegan-studio.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/io.github.cyclegan_studio.Studio.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/packaging/icons/hicolor
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)
endif()

set(CPACK_PACKAGE_NAME cyclegan-studio)
set(CPACK_PACKAGE_VENDOR "CycleGAN Studio developers")
set(CPACK_PACKAGE_CONTACT "CycleGAN Studio developers <maintainers@cyclegan-studio.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Train CycleGAN models and translate images (GUI and CLI)")
set(CPACK_PACKAGE_DESCRIPTION
    "CycleGAN Studio trains unpaired image-to-image translation models (CycleGAN) with live\n"
    "loss curves and previews, translates images at their own size, compares checkpoints and\n"
    "exports whole folders. It reads the official pretrained CycleGAN weights.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/cyclegan-studio/cyclegan-studio")
# dpkg-shlibdeps computes Depends from the linked libraries (libtorch1.13, Qt 6 with Network, OpenCV, libzip,
# QCustomPlot); the list below names what it cannot see.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqcustomplot2.1-qt6, qt6-qpa-plugins")
# Debian's reference BLAS makes LibTorch's CPU convolutions several times slower. Without a CJK
# font the Korean translation shows boxes for every label.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libopenblas0-pthread, fonts-noto-cjk")
include(CPack)
