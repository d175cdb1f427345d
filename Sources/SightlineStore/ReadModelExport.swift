// The store answers in the read model's values; callers that open a store see them too.
@_exported import SightlineReadModel
