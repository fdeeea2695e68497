using Station.Core.Motion;

namespace Station.Core.Swap
{
    /// <summary>A bay input as the technician reads it (a truck block's cradle sensor, the robot's overload and
    /// anti-tipping switches).</summary>
    public sealed class DeviceInput
    {
        /// <summary>The input's name ("block 1", "fork load", "robot").</summary>
        public readonly string Name;
        /// <summary>The debounced input.</summary>
        public readonly DebouncedInput Input;
        /// <summary>The word for a high input ("present", "within limit", "upright").</summary>
        public readonly string HighWord;
        /// <summary>The word for a low input ("absent", "OVERLOAD", "TIPPING").</summary>
        public readonly string LowWord;
        /// <summary>True for an interlock: it must read high before anything moves (the self-test checks it).</summary>
        public readonly bool Interlock;

        /// <summary>The input <paramref name="input"/> named <paramref name="name"/>.</summary>
        public DeviceInput(string name, DebouncedInput input, string highWord, string lowWord, bool interlock)
        {
            Name = name;
            Input = input;
            HighWord = highWord;
            LowWord = lowWord;
            Interlock = interlock;
        }

        /// <summary>"name word" for its reading now.</summary>
        public string Text()
        {
            return Name + " " + (Input.Value ? HighWord : LowWord);
        }
    }
}
