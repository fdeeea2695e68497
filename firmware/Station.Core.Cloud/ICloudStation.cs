namespace Station.Core.Cloud
{
    /// <summary>What the cloud link asks of the station. The station (an adapter over StationController) decides:
    /// motion commands in unsafe states come back refused with <see cref="CloudReason.UnsafeState"/> and the reason.</summary>
    public interface ICloudStation
    {
        /// <summary>Authorise one swap as <paramref name="auth"/> says (vehicle; pack, or null to let the station choose
        /// among the packs of the standards accepted; a truck's block positions and their standards); the authorisation
        /// lapses <paramref name="validForMs"/> after now (0 = no limit).</summary>
        CloudResult Authorize(SwapAuthorization auth, long validForMs);
        /// <summary>Cancel the authorised or running swap (the station stops safely).</summary>
        CloudResult Cancel();
        /// <summary>Reset latched fault <paramref name="code"/> if the catalogue marks it remotely resettable.</summary>
        CloudResult ResetFault(int code);
        /// <summary>Enter maintenance (remote).</summary>
        CloudResult EnterMaintenance();
        /// <summary>Leave maintenance (remote).</summary>
        CloudResult LeaveMaintenance();
        /// <summary>Read a configuration key; the value goes in the result's message.</summary>
        CloudResult GetConfig(string key);
        /// <summary>Set a configuration key.</summary>
        CloudResult SetConfig(string key, string value);
        /// <summary>A short name of the station's current state; a change republishes the retained state.</summary>
        string StateName { get; }
        /// <summary>Writes the members of the state snapshot (birth and state messages).</summary>
        void WriteState(JsonWriter w);
        /// <summary>Writes the members of a telemetry sample.</summary>
        void WriteTelemetry(JsonWriter w);
        /// <summary>Called by the link at the end of its Start, the outbox open: the station may append a record the
        /// outbox missed (a swap's end cut off by a power loss).</summary>
        void LinkStarted();
    }
}
