import { engineScenarios } from './scenarios';
import { launchWebKit } from './webkit';

engineScenarios('webkit', launchWebKit);
