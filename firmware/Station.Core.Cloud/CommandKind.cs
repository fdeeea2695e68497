namespace Station.Core.Cloud
{
    /// <summary>The commands the cloud can send; rows of <see cref="CommandTable"/>.</summary>
    public enum CommandKind
    {
        /// <summary>No command (parse failed before the command was known).</summary>
        None = 0,
        /// <summary>Authorise one swap for a vehicle, optionally with a chosen pack.</summary>
        SwapAuthorize = 1,
        /// <summary>Cancel the authorised or running swap (the station stops safely).</summary>
        SwapCancel = 2,
        /// <summary>Publish state and telemetry now.</summary>
        StationStatus = 3,
        /// <summary>Publish a new birth certificate (Sparkplug "rebirth").</summary>
        StationRebirth = 4,
        /// <summary>Read one configuration key.</summary>
        ConfigGet = 5,
        /// <summary>Set one configuration key.</summary>
        ConfigSet = 6,
        /// <summary>Enter maintenance (no swaps; technician work).</summary>
        MaintenanceEnter = 7,
        /// <summary>Leave maintenance.</summary>
        MaintenanceLeave = 8,
        /// <summary>Reset a latched fault the catalogue marks as remotely resettable.</summary>
        FaultReset = 9,
        /// <summary>Offer a signed firmware bundle (version, size); its bytes follow on the update topic.</summary>
        UpdateOffer = 10,
        /// <summary>Cancel an update not yet handed to the loader.</summary>
        UpdateCancel = 11,
        /// <summary>Record the update's status now.</summary>
        UpdateQuery = 12,
    }
}
