using nanoFramework.Hardware.Esp32;

namespace Station.Hal.Nano.Esp32
{
    /// <summary>Routes ESP32 pins to peripherals through the GPIO matrix. Must run before the PWM channel, the SPI
    /// device or the serial port is opened on those pins.</summary>
    public static class Esp32Routing
    {
        /// <summary>Routes a pin to the first PWM (LEDC) channel.</summary>
        public static void Pwm1(int pin)
        {
            Configuration.SetPinFunction(pin, DeviceFunction.PWM1);
        }

        /// <summary>Routes the three pins of SPI1.</summary>
        public static void Spi1(int mosi, int miso, int clock)
        {
            Configuration.SetPinFunction(mosi, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(miso, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(clock, DeviceFunction.SPI1_CLOCK);
        }

        /// <summary>Routes the TX and RX pins of COM2 (UART2).</summary>
        public static void Com2(int tx, int rx)
        {
            Configuration.SetPinFunction(tx, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(rx, DeviceFunction.COM2_RX);
        }
    }
}
