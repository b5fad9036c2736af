/* app: the program a person sees (window, render loop, picker, sessions). */
#ifndef EBB_APP_H
#define EBB_APP_H

#include "options.h"

/* Runs the picker or a session as `opt` says; returns the process exit status. */
int ebb_app_run(const struct ebb_options *opt);

#endif
