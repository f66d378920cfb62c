"""The participant server: aiohttp, the phone page, cookies, limits, the QR code. No Textual."""
