namespace Station.Hal
{
    /// <summary>A digital output (motor enable, brake release, lock solenoid, direction, lamp).</summary>
    public interface IDigitalOutput
    {
        /// <summary>Drives the output. True = energised.</summary>
        void Write(bool on);

        /// <summary>The level last written.</summary>
        bool State { get; }
    }
}
