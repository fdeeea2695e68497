using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>A simulated node on a <see cref="VirtualCanBus"/> (a pack BMS, a replayed log).</summary>
    public interface ISimCanNode
    {
        /// <summary>A frame another node sent.</summary>
        void OnFrame(in CanFrame frame, long nowMs);

        /// <summary>Runs the node's own timing up to <paramref name="nowMs"/> (periodic messages, delayed answers).</summary>
        void Step(long nowMs);
    }
}
