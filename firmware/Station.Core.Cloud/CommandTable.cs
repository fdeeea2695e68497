namespace Station.Core.Cloud
{
    /// <summary>The one table of cloud commands, one row each: name, members required and allowed, whether it leads to
    /// motion, and its help line. Parser, dispatcher, documentation and tests all come from these rows; the rows are
    /// private and read-only (a public static array's elements could be replaced by any caller).</summary>
    public static class CommandTable
    {
        private static readonly CloudCommandRow[] Rows =
        {
            new CloudCommandRow("swap.authorize", CommandKind.SwapAuthorize, CommandField.Vehicle | CommandField.Exp,
                CommandField.Vehicle | CommandField.Pack | CommandField.Accepts | CommandField.Positions | CommandField.Accepts1
                | CommandField.Accepts2 | CommandField.Accepts3, true,
                "authorise one swap: vehicle (required), pack (optional; the station chooses), accepts (optional: the pack standards the vehicle takes), positions (truck bay: the block positions to swap, like [1,3]), accepts1..accepts3 (optional: the standards a booked position takes), exp (required)"),
            new CloudCommandRow("swap.cancel", CommandKind.SwapCancel, 0, 0, false,
                "cancel an authorised swap before anything moves (arming); a swap already moving is refused with the reason: only an emergency stop at the bay halts it"),
            new CloudCommandRow("station.status", CommandKind.StationStatus, 0, 0, false,
                "publish state and telemetry now"),
            new CloudCommandRow("station.rebirth", CommandKind.StationRebirth, 0, 0, false,
                "publish the birth certificate again (the session's bdSeq, seq restarts at 0)"),
            new CloudCommandRow("config.get", CommandKind.ConfigGet, CommandField.Key, CommandField.Key, false,
                "read configuration key 'key'"),
            new CloudCommandRow("config.set", CommandKind.ConfigSet, CommandField.Key | CommandField.Value,
                CommandField.Key | CommandField.Value, false,
                "set configuration key 'key' to 'value' (needs remote maintenance; site-only keys refused)"),
            new CloudCommandRow("maintenance.enter", CommandKind.MaintenanceEnter, 0, 0, false,
                "enter maintenance: no new swaps (refused while a swap runs)"),
            new CloudCommandRow("maintenance.leave", CommandKind.MaintenanceLeave, 0, 0, false,
                "leave maintenance"),
            new CloudCommandRow("fault.reset", CommandKind.FaultReset, CommandField.Code, CommandField.Code, true,
                "reset latched fault 'code' when the catalogue marks it remotely resettable; the station re-homes"),
            new CloudCommandRow("update.offer", CommandKind.UpdateOffer, CommandField.Version | CommandField.Size,
                CommandField.Version | CommandField.Size, false,
                "offer signed firmware 'version', a bundle of 'size' bytes sent on the update topic; installed only at a safe moment"),
            new CloudCommandRow("update.cancel", CommandKind.UpdateCancel, 0, 0, false,
                "cancel an update not yet handed to the loader"),
            new CloudCommandRow("update.query", CommandKind.UpdateQuery, 0, 0, false,
                "record the update's status now (an update.status record)"),
        };

        /// <summary>Number of commands.</summary>
        public static int Count { get { return Rows.Length; } }

        /// <summary>The row at <paramref name="index"/> (0..Count-1).</summary>
        public static CloudCommandRow RowAt(int index) { return Rows[index]; }

        /// <summary>Row index of a command name, or -1.</summary>
        public static int Find(string name)
        {
            for (int i = 0; i < Rows.Length; i++) if (Rows[i].Name == name) return i;
            return -1;
        }

        /// <summary>Row index of a kind, or -1.</summary>
        public static int IndexOf(CommandKind kind)
        {
            for (int i = 0; i < Rows.Length; i++) if (Rows[i].Kind == kind) return i;
            return -1;
        }
    }
}
