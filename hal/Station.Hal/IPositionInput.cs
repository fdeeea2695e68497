namespace Station.Hal
{
    /// <summary>An incremental position sensor (quadrature encoder on the lift axis), in counts.</summary>
    public interface IPositionInput
    {
        /// <summary>Current count. Increases when the axis moves up (away from home).</summary>
        int ReadCounts();
    }
}
