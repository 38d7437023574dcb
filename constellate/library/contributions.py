"""What the library declares to the registry: the method catalogue that the canvas's sixth
question, the compass suggestions and later apps choose from.

- choices(organisation): the standard methods and the organisation's own, by name (one query);
- label(key): a method's name in the current language, or None (one query);
- url(key): the address of a method's page, built without a query (None for a text that
  cannot be a key); the page itself checks who may see it;
- for_elements(organisation, element_keys): per element key, the methods serving it, each a
  dict with key, name, purpose, url, category and effort (one query).

The library holds no personal data: who added or changed a method is kept in the audit log."""

from constellate.core.registry import MethodCatalogue, register_method_catalogue
from constellate.library import selectors

register_method_catalogue(
    MethodCatalogue(
        choices=lambda organisation: selectors.method_choices(organisation=organisation),
        label=selectors.method_label,
        url=selectors.method_url,
        for_elements=lambda organisation, element_keys: selectors.methods_for_elements(
            organisation=organisation, element_keys=element_keys
        ),
    )
)
