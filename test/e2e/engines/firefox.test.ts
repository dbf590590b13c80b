import { engineScenarios } from './scenarios';
import { launchFirefox } from './firefox';

engineScenarios('firefox', launchFirefox);
