namespace Station.Hal.Sim
{
    /// <summary>A simulated conveyor drive: the motor contactor driven by its run output, its coil supplied through the
    /// safety relay, and the contactor's auxiliary contact read back. A welded contactor (the output stuck on) stays
    /// closed without supply. The packs the belt carries move on the bay's conveyor line (ConveyorLine.cs), which
    /// two drives share.</summary>
    public sealed class SimConveyorDrive
    {
        /// <summary>A drive over its run output and read-back input.</summary>
        public SimConveyorDrive(SimOutput run, SimInput running)
        {
            Run = run;
            Running = running;
        }

        /// <summary>Motor contactor output.</summary>
        public SimOutput Run { get; }
        /// <summary>Auxiliary contact (read-back).</summary>
        public SimInput Running { get; }

        /// <summary>True while the belt turns: commanded (or welded) and supplied.</summary>
        public bool Turning(bool supplied) => supplied && Run.State;

        /// <summary>True while the contactor is closed: coil energised through the relay, or welded.</summary>
        public bool ContactorClosed(bool relayEnergised) => Run.StuckOn || (Run.Written && relayEnergised);

        /// <summary>Sets what the read-back physically presents.</summary>
        public void UpdateSensors(bool relayEnergised) => Running.Truth = ContactorClosed(relayEnergised);
    }
}
