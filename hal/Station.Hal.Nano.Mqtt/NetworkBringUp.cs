using System.Device.Wifi;
using nanoFramework.Networking;

namespace Station.Hal.Nano.Mqtt
{
    /// <summary>Brings the network up before the MQTT link starts: Wi-Fi (station mode, DHCP) on ESP32, the on-board
    /// Ethernet (DHCP) on the STM32F769I-DISCOVERY. Both wait for a valid date and time (SNTP), because TLS
    /// certificate checks and command expiry need the clock.</summary>
    public static class NetworkBringUp
    {
        /// <summary>Joins <paramref name="ssid"/>; the helper keeps reconnecting on its own afterwards. False on time-out.</summary>
        public static bool Wifi(string ssid, string password, int timeoutMs)
        {
            WifiNetworkHelper.SetupNetworkHelper(ssid, password, WifiReconnectionKind.Automatic, true);
            return WifiNetworkHelper.NetworkReady.WaitOne(timeoutMs, false);
        }

        /// <summary>Waits for the Ethernet interface to get an address by DHCP and the clock to be set. False on time-out.</summary>
        public static bool Ethernet(int timeoutMs)
        {
            NetworkHelper.SetupNetworkHelper(true);
            return NetworkHelper.NetworkReady.WaitOne(timeoutMs, false);
        }
    }
}
