/* ir-tool.c: the core's jobs from the command line
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ir-tool.h"

typedef struct
{
  const char    *name;
  IrToolCommand  run;
  const char    *usage;
} IrToolEntry;

static const IrToolEntry commands[] = {
  { "export", ir_tool_export,
    "export ROOM_DB OUT.jsonl     write a room's operations as JSON lines" },
  { "import", ir_tool_import,
    "import IN.jsonl ROOM_DB      add the operations of a JSON lines file to a room" },
  { "demo", ir_tool_demo,
    "demo ROOM_DB [--today D] [--language L]  write the demo room into a new room database" },
  { "dump", ir_tool_dump,
    "dump ROOM_DB                 print the room's state in canonical form" },
  { "compare", ir_tool_compare,
    "compare OLD.pdf NEW.pdf      compare two drawing revisions: overlay PNG, regions, text" },
  { "map", ir_tool_map,
    "map ROOM_DB --png|--svg|--pdf OUT  draw the room's decision map as a picture or page" },
  { "schedule", ir_tool_schedule,
    "schedule PLAN.xml [--json] [--mspdi OUT.xml] [--ics OUT.ics] [--tolerant]  schedule a Microsoft Project XML plan" },
  { "escalate", ir_tool_escalate,
    "escalate PLAN.xml [--today D] [--json]  list a plan's slipping tasks with delay, tier and slip chain" },
  { "review", ir_tool_review,
    "review ROOM_DB [--since SEQUENCE] [--until SEQUENCE] --pdf OUT  write the review report since the last review" },
  { "upload", ir_tool_upload,
    "upload ROOM_DB SERVER_URL USER  upload a room of this computer to a server (password on standard input)" },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "Usage: ironroom-tool COMMAND ARGUMENTS…\n\nCommands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s\n", commands[i].usage);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("ironroom-tool %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, "ironroom-tool: unknown command “%s”; run “ironroom-tool --help” for the list.\n",
           argv[1]);
  return 2;
}
