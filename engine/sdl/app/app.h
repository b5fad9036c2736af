/* app: the program a person sees (window, render loop, picker, sessions), and the
 * deterministic export. */
#ifndef EBB_APP_H
#define EBB_APP_H

#include "library.h"
#include "options.h"

/* Runs the picker (opt->exercise NULL) or a session; `lib` is the loaded library.
 * Returns the process exit status: 0, or 1 when it cannot start (no display, no font). */
int ebb_app_run(const struct ebb_options *opt, struct ebb_library *lib);

/* --export DIR: frames, timeline.tsv and audio.wav on a virtual clock, headless.
 * Returns 0, 1 when it cannot start, 2 for bad arguments. */
int ebb_export_run(const struct ebb_options *opt, struct ebb_library *lib);

#endif
