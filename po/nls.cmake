# Translations (gettext): po/LL.po compiled with msgfmt into the build tree's
# locale/LL/LC_MESSAGES/ebb.mo, which a program run from the build folder reads, and
# installed to share/locale. EBB_NLS off (or no msgfmt / libintl): English only, and
# _() is the English itself (engine/core/i18n.h).
include(CheckSymbolExists)
find_program(EBB_MSGFMT msgfmt)
check_symbol_exists(ngettext libintl.h EBB_HAVE_NGETTEXT)
set(EBB_NLS_DEFAULT OFF)
if(EBB_MSGFMT AND EBB_HAVE_NGETTEXT)
  set(EBB_NLS_DEFAULT ON)
endif()
option(EBB_NLS "Translations through gettext (needs msgfmt and libintl)" ${EBB_NLS_DEFAULT})

if(EBB_NLS)
  if(NOT EBB_MSGFMT OR NOT EBB_HAVE_NGETTEXT)
    message(FATAL_ERROR "EBB_NLS needs msgfmt (package gettext) and libintl.h")
  endif()
  set(EBB_BUILD_LOCALEDIR "${PROJECT_BINARY_DIR}/locale")
  add_compile_definitions(EBB_NLS=1 EBB_LOCALEDIR="${CMAKE_INSTALL_FULL_LOCALEDIR}"
                          EBB_BUILD_LOCALEDIR="${EBB_BUILD_LOCALEDIR}")
  file(GLOB EBB_PO_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/po/*.po)
  set(EBB_MO_FILES "")
  foreach(po ${EBB_PO_FILES})
    get_filename_component(lang ${po} NAME_WE)
    set(mo "${EBB_BUILD_LOCALEDIR}/${lang}/LC_MESSAGES/ebb.mo")
    add_custom_command(OUTPUT ${mo}
                       COMMAND ${CMAKE_COMMAND} -E make_directory
                               "${EBB_BUILD_LOCALEDIR}/${lang}/LC_MESSAGES"
                       COMMAND ${EBB_MSGFMT} --check -o ${mo} ${po}
                       DEPENDS ${po}
                       COMMENT "msgfmt ${lang}.po")
    list(APPEND EBB_MO_FILES ${mo})
    install(FILES ${mo} DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
  endforeach()
  add_custom_target(ebb_translations ALL DEPENDS ${EBB_MO_FILES})
endif()
