namespace Station.Boards
{
    /// <summary>The pins of a map with their names and roles, gathered once by <see cref="BoardPinMap.Validate"/>.</summary>
    internal sealed class PinList
    {
        private const int Capacity = 128;

        /// <summary>Port names, in the order added.</summary>
        public readonly string[] Names = new string[Capacity];
        /// <summary>Pin numbers.</summary>
        public readonly int[] Pins = new int[Capacity];
        /// <summary>Roles.</summary>
        public readonly PinRole[] Roles = new PinRole[Capacity];
        /// <summary>How many entries are used.</summary>
        public int Count;

        /// <summary>Adds one pin.</summary>
        public void Add(string name, int pin, PinRole role)
        {
            Names[Count] = name;
            Pins[Count] = pin;
            Roles[Count] = role;
            Count++;
        }
    }
}
