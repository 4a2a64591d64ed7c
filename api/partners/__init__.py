"""The partner API: a stable, citable, syncable public record of official statements."""
