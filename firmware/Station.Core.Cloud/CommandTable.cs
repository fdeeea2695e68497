namespace Station.Core.Cloud
{
    /// <summary>The one table of cloud commands: name, members required and allowed, whether it leads to motion,
    /// and its help line. Parser, dispatcher, documentation and tests all come from these rows.</summary>
    public static class CommandTable
    {
        /// <summary>Command names as they appear in "cmd".</summary>
        public static readonly string[] Names =
        {
            "swap.authorize", "swap.cancel", "station.status", "station.rebirth", "config.get", "config.set",
            "maintenance.enter", "maintenance.leave", "fault.reset",
        };

        /// <summary>Kind per row.</summary>
        public static readonly CommandKind[] Kinds =
        {
            CommandKind.SwapAuthorize, CommandKind.SwapCancel, CommandKind.StationStatus, CommandKind.StationRebirth,
            CommandKind.ConfigGet, CommandKind.ConfigSet, CommandKind.MaintenanceEnter, CommandKind.MaintenanceLeave,
            CommandKind.FaultReset,
        };

        /// <summary>Members each row requires (besides v, mid, cmd, which every command requires).</summary>
        public static readonly int[] Required =
        {
            CommandField.Vehicle | CommandField.Exp, 0, 0, 0, CommandField.Key, CommandField.Key | CommandField.Value,
            0, 0, CommandField.Code,
        };

        /// <summary>Members each row accepts (besides the envelope members v, mid, cmd, exp, by).</summary>
        public static readonly int[] Allowed =
        {
            CommandField.Vehicle | CommandField.Pack, 0, 0, 0, CommandField.Key, CommandField.Key | CommandField.Value,
            0, 0, CommandField.Code,
        };

        /// <summary>True for commands that start or re-arm motion: refused in unsafe states and without a set clock.</summary>
        public static readonly bool[] Motion = { true, false, false, false, false, false, false, false, true };

        /// <summary>One line of help per row.</summary>
        public static readonly string[] Help =
        {
            "authorise one swap: vehicle (required), pack (optional; the station chooses), exp (required)",
            "cancel an authorised swap before anything moves (arming); a swap already moving is refused with the reason: only an emergency stop at the bay halts it",
            "publish state and telemetry now",
            "publish the birth certificate again (the session's bdSeq, seq restarts at 0)",
            "read configuration key 'key'",
            "set configuration key 'key' to 'value' (needs remote maintenance; site-only keys refused)",
            "enter maintenance: no new swaps (refused while a swap runs)",
            "leave maintenance",
            "reset latched fault 'code' when the catalogue marks it remotely resettable; the station re-homes",
        };

        /// <summary>Row index of a command name, or -1.</summary>
        public static int Find(string name)
        {
            for (int i = 0; i < Names.Length; i++) if (Names[i] == name) return i;
            return -1;
        }

        /// <summary>Row index of a kind, or -1.</summary>
        public static int IndexOf(CommandKind kind)
        {
            for (int i = 0; i < Kinds.Length; i++) if (Kinds[i] == kind) return i;
            return -1;
        }
    }
}
