/** A fixture module allowed to use nothing. */
@ApplicationModule(allowedDependencies = {})
package org.accessdesk.modularityfixture.reaching;

import org.springframework.modulith.ApplicationModule;
