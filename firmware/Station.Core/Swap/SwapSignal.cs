namespace Station.Core.Swap
{
    /// <summary>Signals dispatched to the swap sequencer: commands, and completions produced by the tick.</summary>
    public enum SwapSignal
    {
        /// <summary>Start(): the journal has been read.</summary>
        PowerUp = 0,
        /// <summary>Home command.</summary>
        Home = 1,
        /// <summary>Authorize command (already validated).</summary>
        Authorize = 2,
        /// <summary>Cancel command.</summary>
        Cancel = 3,
        /// <summary>ResetFault command.</summary>
        ResetFault = 4,
        /// <summary>ConfirmRecovery command.</summary>
        ConfirmRecovery = 5,
        /// <summary>A fault was latched (interlock, actuator, gate, journal, software stop).</summary>
        Fault = 6,
        /// <summary>MotionPermit requested and the safety relay confirms it.</summary>
        DrivesReady = 7,
        /// <summary>The lift finished its move or homing.</summary>
        LiftArrived = 8,
        /// <summary>Every lock reached its commanded end position.</summary>
        LocksDone = 9,
        /// <summary>The charged pack reached the staging point.</summary>
        StagingDone = 10,
        /// <summary>The transfer conveyor run finished.</summary>
        TransferDone = 11,
        /// <summary>Every release-gate condition holds.</summary>
        GatePassed = 12,
        /// <summary>The vehicle left the swap position after release.</summary>
        VehicleLeft = 13,
        /// <summary>A person stopped homing (a key at the console): the lift stops where it is, no fault.</summary>
        StopHoming = 14,
        /// <summary>Every axis of a multi-axis robot move reached its target (truck bay).</summary>
        AxesArrived = 15,
    }
}
