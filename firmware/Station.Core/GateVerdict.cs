namespace Station.Core
{
    /// <summary>Answer of a release-gate pack check.</summary>
    public enum GateVerdict
    {
        /// <summary>Still checking (waiting for the BMS).</summary>
        Pending = 0,
        /// <summary>The pack may leave with the vehicle.</summary>
        Passed = 1,
        /// <summary>The pack must not leave; <see cref="IReleaseGateCheck.FailureFault"/> says why.</summary>
        Failed = 2,
    }
}
