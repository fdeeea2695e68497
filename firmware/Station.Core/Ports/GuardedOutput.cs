using Station.Hal;

namespace Station.Core
{
    /// <summary>One registered output: the port it drives, its name, its safe level, an optional maximum on-time and an
    /// optional read-back input. It stands in for the raw port in its port group, so every write passes through it.</summary>
    /// <remarks>
    /// A write reaches the port only when the level changes (or the first time): on nanoFramework each port write is an
    /// interface call into an adapter, and most ticks write the level the port already has. "On" means away from the
    /// safe level. The registry (<see cref="OutputRegistry"/>) times the on-time and compares the read-back.
    /// </remarks>
    public sealed class GuardedOutput : IDigitalOutput
    {
        private readonly IDigitalOutput _port;
        // The level last commanded (internal: the interlocks read the permit's here, not through the interface).
        internal bool Commanded;
        private bool _known;
        // Set by Write when the level changes (for an output not read back: when it goes away from its safe level), taken
        // by the registry's next supervision (which knows the time); the guard lists itself in the registry's changed
        // list too, so a tick in which nothing changed costs it no walk over every output.
        internal bool Changed;
        internal bool On;
        internal long OnSinceMs;
        internal long MismatchSinceMs = -1;
        // The registry, when it times or reads back this output (null otherwise: nothing to stamp).
        internal OutputRegistry Owner;

        /// <summary>Registers <paramref name="port"/> as <paramref name="name"/>.</summary>
        public GuardedOutput(string name, IDigitalOutput port, bool safeLevel, int maxOnMs, IDigitalInput readBack, int readBackMs)
        {
            Name = name;
            _port = port;
            SafeLevel = safeLevel;
            MaxOnMs = maxOnMs;
            ReadBack = readBack;
            ReadBackMs = readBackMs;
            // What the port holds now (a controller rebuilt after a power cut finds its outputs as they were left).
            Commanded = port.State;
            On = Commanded != safeLevel;
            Supervised = maxOnMs > 0 || readBack != null;
        }

        // Timed or read back: the registry's supervision looks at this output.
        internal readonly bool Supervised;

        /// <summary>Name used in logs, the self-test and the board wiring ("Locks.Engage[2]", the port group path the board map uses too).</summary>
        public readonly string Name;
        /// <summary>The level that is safe with nobody watching (off for every car bay output).</summary>
        public readonly bool SafeLevel;
        /// <summary>Longest time the output may stay away from its safe level, ms; 0 = no limit.</summary>
        public readonly int MaxOnMs;
        /// <summary>Input that reads the actuator's real state (a contactor's auxiliary contact), or null.</summary>
        public readonly IDigitalInput ReadBack;
        /// <summary>How long the read-back may disagree with the command before it is a fault, ms.</summary>
        public readonly int ReadBackMs;

        /// <summary>The port behind this output.</summary>
        public IDigitalOutput Port { get { return _port; } }

        /// <summary>The level last commanded.</summary>
        public bool State { get { return Commanded; } }

        /// <summary>True while the commanded level is not the safe one.</summary>
        public bool IsOn { get { return On; } }

        /// <summary>Commands <paramref name="on"/>; the port is written only when the level changes.</summary>
        public void Write(bool on)
        {
            if (on == Commanded)
            {
                if (_known) return;
            }
            else
            {
                // The registry's bookkeeping, inline (the permit watchdog's kick comes here in every tick, and a call is
                // dear on the interpreter). Only an output the registry times or reads back has an owner.
                bool away = on != SafeLevel;
                OutputRegistry owner = Owner;
                if (owner != null)
                {
                    // Listed once until the registry's next supervision stamps it (and clears Changed): the list has room
                    // for every output the registry holds, so it cannot overflow. An output going back to its safe
                    // level needs no stamp unless it is read back: its on-time is read only while it is on (the kick
                    // is stamped every other tick instead of every tick).
                    if (!Changed && (away || ReadBack != null))
                    {
                        Changed = true;
                        owner.ChangedList[owner.ChangedCount++] = this;
                    }
                    // (An expression, not an if: a Debug build keeps a local per if, set up per call on the interpreter.)
                    owner.TimedOn += MaxOnMs <= 0 ? 0 : away ? 1 : -1;
                }
                On = away;
                Commanded = on;
            }
            _known = true;
            _port.Write(on);
        }

        /// <summary>Writes the safe level to the port now, whatever was commanded before.</summary>
        public void WriteSafe()
        {
            _known = false; // so Write reaches the port even when the level is already safe
            Write(SafeLevel);
        }
    }
}
