/* ir-tool.h: subcommands of ironroom-tool
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each subcommand gets argv starting at its own name and returns an exit
 * status. Errors go to standard error as one sentence that says what to do. */
typedef int (*IrToolCommand) (int argc, char **argv);

int ir_tool_export (int argc, char **argv);
int ir_tool_import (int argc, char **argv);
int ir_tool_dump   (int argc, char **argv);
int ir_tool_demo   (int argc, char **argv);
int ir_tool_compare (int argc, char **argv);
int ir_tool_map    (int argc, char **argv);
int ir_tool_schedule (int argc, char **argv);
int ir_tool_escalate (int argc, char **argv);
int ir_tool_review (int argc, char **argv);
int ir_tool_upload (int argc, char **argv);

G_END_DECLS
