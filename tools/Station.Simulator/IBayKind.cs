using System.Collections.Generic;
using Station.Core;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>What a kind of bay brings to the one run loop (<see cref="BayRun"/>): its plant behind the controller's
    /// ports, its BMS wiring, its people (vehicles, booking), its plant faults, what the timeline, the progress line and
    /// the summary show of it. The loop itself (ticks, power cuts, scenario events, the end) is the same for every bay.</summary>
    public interface IBayKind
    {
        /// <summary>"car" or "truck" (the JSON's "bay").</summary>
        string Name { get; }
        /// <summary>Simulated time.</summary>
        SimClock Clock { get; }
        /// <summary>The storage that survives power losses (journal, outbox).</summary>
        MemoryStorage Storage { get; }
        /// <summary>The plant's shared devices: safety chain, rack and handler, conveyors, hazards, supply.</summary>
        SimBay Shared { get; }
        /// <summary>The ports a controller of this bay is built on.</summary>
        StationIo Io { get; }
        /// <summary>The controller's configuration, matched to the plant.</summary>
        StationConfig Config { get; }
        /// <summary>Simulated seconds a run of <paramref name="swaps"/> swaps may take before it is cut off.</summary>
        double DefaultMaxSeconds(int swaps);
        /// <summary>Advances the plant by <paramref name="ms"/> (the clock has advanced already).</summary>
        void Step(int ms);
        /// <summary>The supply fails; true when a journal write in progress was torn (<paramref name="tear"/>).</summary>
        bool PowerLoss(bool tear);
        /// <summary>The supply comes back.</summary>
        void PowerRestore();
        /// <summary>Wires the BMS checks of a controller just built (each boot), before it starts.</summary>
        void Install(StationController controller);
        /// <summary>The simulated people around the bay of <paramref name="run"/>.</summary>
        IBayPeople People(BayRun run);
        /// <summary>Carries out one of this bay's plant faults; what it did, or null when <paramref name="e"/> is not one.</summary>
        string FireFault(BayRun run, ScenarioEvent e);
        /// <summary>Records every actuator and interlock row of the timeline at <paramref name="now"/>.</summary>
        void Record(Timeline t, StationController controller, long now);
        /// <summary>True when any actuator output, drive reference or the motion permit is on.</summary>
        bool AnyActuatorOn();
        /// <summary>The plant part of a progress line (axes, locks, packs, vehicle).</summary>
        string Status();
        /// <summary>Adds a line for every output or drive reference still on (a scenario's "outputs_off").</summary>
        void OutputsStillOn(List<string> failures);
        /// <summary>The model's critical path of one swap, motion by motion, and its length in seconds.</summary>
        IReadOnlyList<CriticalPathSegment> CriticalPath(out double totalSeconds);
        /// <summary>The summary's lines of one vehicle's visit.</summary>
        void WriteSwap(System.IO.TextWriter w, SwapResult s);
        /// <summary>The JSON of one vehicle's visit (an element of "swaps"), or nothing for a visit the bay does not list.</summary>
        void WriteSwapJson(System.Text.Json.Utf8JsonWriter j, SwapResult s);
        /// <summary>What the run's first line says it simulates ("3 swap(s) on the default car bay").</summary>
        string Headline(int swaps);
        /// <summary>What the timeline's title adds after the swap it draws (the truck's booked blocks), or "".</summary>
        string BookingNote { get; }
        /// <summary>How the timeline's title names one visit ("swap", "truck swap").</summary>
        string SwapWord { get; }
    }
}
