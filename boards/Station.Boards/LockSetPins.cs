namespace Station.Boards
{
    /// <summary>Pins of a lock set (see <c>Station.Core.LockSetPorts</c>): one entry per lock in every array.</summary>
    public sealed class LockSetPins
    {
        /// <summary>Per lock: engage solenoid output.</summary>
        public int[] Engage;
        /// <summary>Per lock: release solenoid output.</summary>
        public int[] Release;
        /// <summary>Per lock: locked end-position sensor.</summary>
        public int[] LockedSensor;
        /// <summary>Per lock: unlocked end-position sensor.</summary>
        public int[] UnlockedSensor;

        /// <summary>Sizes every array for <paramref name="count"/> locks, every pin unwired.</summary>
        public void Size(int count)
        {
            Engage = Unwired(count);
            Release = Unwired(count);
            LockedSensor = Unwired(count);
            UnlockedSensor = Unwired(count);
        }

        /// <summary>Null when every array has <paramref name="count"/> entries, otherwise the problem.</summary>
        internal string CheckCount(int count)
        {
            if (Engage == null || Release == null || LockedSensor == null || UnlockedSensor == null
                || Engage.Length != count || Release.Length != count || LockedSensor.Length != count || UnlockedSensor.Length != count)
            {
                return "each lock array must have LockCount entries";
            }
            return null;
        }

        internal void AddTo(PinList pins, string group)
        {
            for (int i = 0; i < Engage.Length; i++)
            {
                pins.Add(group + ".Engage[" + i + "]", Engage[i], PinRole.Output);
                pins.Add(group + ".Release[" + i + "]", Release[i], PinRole.Output);
                pins.Add(group + ".LockedSensor[" + i + "]", LockedSensor[i], PinRole.Input);
                pins.Add(group + ".UnlockedSensor[" + i + "]", UnlockedSensor[i], PinRole.Input);
            }
        }

        private static int[] Unwired(int count)
        {
            var pins = new int[count];
            for (int i = 0; i < count; i++) pins[i] = BoardPinMap.NoPin;
            return pins;
        }
    }
}
