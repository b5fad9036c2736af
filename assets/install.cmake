# Installs what makes ebb a desktop program: the .desktop file, the AppStream
# metainfo, the icon and the man pages. Included by the top CMakeLists.txt; the
# binary and the exercises are installed there.
install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.ebb.Ebb.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.ebb.Ebb.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.ebb.Ebb.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/ebb.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/ebb-script.5 DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
