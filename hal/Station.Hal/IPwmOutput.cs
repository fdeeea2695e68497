namespace Station.Hal
{
    /// <summary>A PWM output (drive speed reference). The frequency is fixed when the adapter creates the channel.</summary>
    public interface IPwmOutput
    {
        /// <summary>Sets the duty cycle, 0.0 (off) to 1.0 (full). Values outside are clamped by the adapter.</summary>
        void SetDuty(double duty);

        /// <summary>The duty cycle last set.</summary>
        double Duty { get; }

        /// <summary>The PWM frequency in hertz, fixed at creation.</summary>
        int FrequencyHz { get; }
    }
}
