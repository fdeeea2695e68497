namespace Station.Core
{
    /// <summary>Why a command was refused. Numbered: the cloud and console carry the number.</summary>
    public enum RejectReason
    {
        /// <summary>Not refused.</summary>
        None = 0,
        /// <summary>The command does not apply in the current state.</summary>
        WrongState = 1,
        /// <summary>A fault is latched; reset it first.</summary>
        FaultLatched = 2,
        /// <summary>The lift has not been homed since power-up or the last fault.</summary>
        NotHomed = 3,
        /// <summary>An interlock is open (e-stop, light curtain, doors, safety relay).</summary>
        InterlockOpen = 4,
        /// <summary>No vehicle stands at the swap position.</summary>
        NoVehicle = 5,
        /// <summary>The authorisation is malformed or expired.</summary>
        BadAuthorization = 6,
        /// <summary>No charged pack fits (none ready, the named one absent, not ready or below the minimum SOC).</summary>
        NoChargedPack = 7,
        /// <summary>The station waits for an operator to confirm recovery after a power loss.</summary>
        RecoveryPending = 8,
        /// <summary>The swap has passed the point where it can be cancelled.</summary>
        TooLateToCancel = 9,
        /// <summary>The journal could not be written, so the station refuses to act.</summary>
        StorageFailed = 10,
        /// <summary>The inventory and the sensors disagree (a pack where none should be).</summary>
        InventoryMismatch = 11,
        /// <summary>A pack is marked in transit (not confirmed where it is): settle it before any swap.</summary>
        PackInTransit = 12,
        /// <summary>Maintenance holds the station (a technician at the console, or remote maintenance): no new swaps.</summary>
        Maintenance = 13,
        /// <summary>The cloud outbox is too full to journal another swap's records.</summary>
        OutboxFull = 14,
        /// <summary>A pack lock reads between its positions (neither locked nor unlocked): settle it before any swap.</summary>
        LatchesBetween = 15,
        /// <summary>The block booking does not match the bay or the truck: blocks booked at a car bay, no or unknown
        /// positions, a count that differs from the positions named, or a position where the truck carries no block.</summary>
        BlockBookingMismatch = 16,
        /// <summary>More blocks are booked than charged blocks are ready.</summary>
        NotEnoughReadyPacks = 17,
        /// <summary>No ready pack (or block, per position) is of a standard the vehicle accepts.</summary>
        NoPackOfStandard = 18,
        /// <summary>The pack the authorisation names, or the one waiting at staging, is of a standard the vehicle does not
        /// accept.</summary>
        PackStandardNotAccepted = 19,
    }
}
