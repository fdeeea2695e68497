using Station.Core;

namespace Station.Simulator
{
    /// <summary>The simulated people of one bay kind: the operator who homes the station, the vehicles that come one
    /// after another, the booking that authorises them, and the scenario events that are theirs (authorize, console).</summary>
    public interface IBayPeople
    {
        /// <summary>Vehicles that have driven in so far.</summary>
        int Vehicles { get; }
        /// <summary>The visit of the vehicle now in the bay (or the last one), or null before the first.</summary>
        SwapResult Current { get; }
        /// <summary>One tick of the people (after the controller's tick).</summary>
        void Operate();
        /// <summary>Carries out the booking's or the technician's scenario event; "" for anything else.</summary>
        string Fire(ScenarioEvent e, OperatorCommands commands);
        /// <summary>True while a scenario's console serves <paramref name="controller"/> (it then runs its own poll).</summary>
        bool ConsoleOn(StationController controller);
        /// <summary>The scenario console's periodic work (e.g. a jog's deadman).</summary>
        void PollConsole();
    }
}
