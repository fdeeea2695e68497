using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>Sees every frame put on a virtual bus, with the name of the node that sent it.</summary>
    public delegate void CanFrameObserver(long nowMs, in CanFrame frame, string sender);
}
