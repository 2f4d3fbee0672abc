"""schemathesis hooks for `api_fuzz.rs`: the media types of the Ateneu API it has no writer for.

A framework file (`application/toml`) is text: it is sent as `text/plain` would be.
"""

import schemathesis

schemathesis.serializer.alias("application/toml", "text/plain")
