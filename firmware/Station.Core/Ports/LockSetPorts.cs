using Station.Hal;

namespace Station.Core
{
    /// <summary>The ports of a set of N pack locks (latches): per lock an engage and a release command output and a
    /// locked and an unlocked end-position sensor. Every array has one entry per lock.</summary>
    /// <remarks>A car pack has one set; each truck block would have its own.</remarks>
    public sealed class LockSetPorts
    {
        /// <summary>Per lock: energise to drive the lock towards locked.</summary>
        public IDigitalOutput[] Engage;
        /// <summary>Per lock: energise to drive the lock towards unlocked.</summary>
        public IDigitalOutput[] Release;
        /// <summary>Per lock: sensor that reads the locked end position.</summary>
        public IDigitalInput[] LockedSensor;
        /// <summary>Per lock: sensor that reads the unlocked end position.</summary>
        public IDigitalInput[] UnlockedSensor;

        /// <summary>Sizes every array for <paramref name="count"/> locks (entries still to be wired).</summary>
        public void Size(int count)
        {
            Engage = new IDigitalOutput[count];
            Release = new IDigitalOutput[count];
            LockedSensor = new IDigitalInput[count];
            UnlockedSensor = new IDigitalInput[count];
        }

        /// <summary>Number of locks (0 before <see cref="Size"/>).</summary>
        public int Count { get { return Engage == null ? 0 : Engage.Length; } }
    }
}
