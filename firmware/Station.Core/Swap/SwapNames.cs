namespace Station.Core.Swap
{
    /// <summary>Name tables for signals and guards (diagram tool, logs, console).</summary>
    public static class SwapNames
    {
        private static readonly string[] Signals =
        {
            "PowerUp", "Home", "Authorize", "Cancel", "ResetFault", "ConfirmRecovery", "Fault", "DrivesReady",
            "LiftArrived", "LocksDone", "StagingDone", "TransferDone", "GatePassed", "VehicleLeft",
            "StopHoming", "AxesArrived",
        };

        private static readonly string[] Guards =
        {
            "", "SwapInterrupted", "FaultWasLatched", "Staged", "NotStaged", "InputsHealthy", "SwapAllowed",
            "ForkEmpty", "ForkLoaded", "MoreBlocks", "LastBlock", "RobotReady",
        };

        /// <summary>Number of signals.</summary>
        public const int SignalCount = 16;

        /// <summary>Number of guards.</summary>
        public const int GuardCount = 12;

        /// <summary>Name of a signal.</summary>
        public static string Signal(SwapSignal signal)
        {
            int i = (int)signal;
            return i >= 0 && i < Signals.Length ? Signals[i] : "?";
        }

        /// <summary>Name of a guard ("" for Always).</summary>
        public static string Guard(SwapGuard guard)
        {
            int i = (int)guard;
            return i >= 0 && i < Guards.Length ? Guards[i] : "?";
        }
    }
}
